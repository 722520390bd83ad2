#include "export/ConsolidatedMetadata.h"

namespace zs {

using nlohmann::json;

namespace {

const QString kV3Document = QStringLiteral("zarr.json");

bool isV2Document(const QString &key)
{
    const QString name = key.section(u'/', -1);
    return name == u".zgroup" || name == u".zarray" || name == u".zattrs";
}

} // namespace

void consolidate(std::vector<MetadataDocument> &documents, int format)
{
    json metadata = json::object();
    if (format == 2) {
        for (const MetadataDocument &doc : documents)
            if (isV2Document(doc.key)) metadata[doc.key.toStdString()] = doc.content;
        // Last, so the documents it repeats are on disk before it.
        documents.push_back(
            {QStringLiteral(".zmetadata"), {{"zarr_consolidated_format", 1}, {"metadata", metadata}}});
        return;
    }
    MetadataDocument *root = nullptr;
    for (MetadataDocument &doc : documents) {
        if (doc.key == kV3Document)
            root = &doc;
        else if (doc.key.endsWith(u'/' + kV3Document))
            metadata[doc.key.chopped(kV3Document.size() + 1).toStdString()] = doc.content;
    }
    if (root)
        root->content["consolidated_metadata"] = {
            {"kind", "inline"}, {"must_understand", false}, {"metadata", metadata}};
}

} // namespace zs
