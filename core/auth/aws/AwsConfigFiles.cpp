#include "auth/aws/AwsConfigFiles.h"

#include <QFile>
#include <QFileInfo>

namespace zs {

// The profile a section header names, or empty when the section is not a profile.
static QString profileOfSection(const QString &section, AwsFileKind kind)
{
    if (kind == AwsFileKind::Credentials) return section;
    if (section == u"default") return section;
    if (section.startsWith(QStringLiteral("profile ")) || section.startsWith(QStringLiteral("profile\t")))
        return section.mid(8).trimmed();
    return {};
}

QHash<QString, AwsProfile> parseAwsProfiles(const QByteArray &text, AwsFileKind kind)
{
    QHash<QString, AwsProfile> profiles;
    QString profile;      // empty: outside any profile section
    QString nestedParent; // the key of an open "key =" block, for its indented sub-keys
    bool sawKey = false;  // in this section: an indented line continues a key only after one
    for (const QByteArray &rawLine : text.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';')) continue;
        const bool indented = !rawLine.isEmpty() && (rawLine[0] == ' ' || rawLine[0] == '\t');
        if (!indented && line.startsWith(u'[')) {
            nestedParent.clear();
            sawKey = false;
            const qsizetype close = line.indexOf(u']');
            profile = close < 0 ? QString() : profileOfSection(line.mid(1, close - 1).trimmed(), kind);
            if (!profile.isEmpty()) profiles[profile]; // an empty section still names a profile
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (profile.isEmpty() || eq <= 0) continue;
        const QString key = line.left(eq).trimmed();
        const QString value = line.mid(eq + 1).trimmed();
        if (indented && sawKey) {
            // A sub-key of a nested block; an indented line under a valued key is a continuation
            // (Python's configparser), which none of the keys read here uses.
            if (!nestedParent.isEmpty()) profiles[profile].insert(nestedParent + u'.' + key, value);
            continue;
        }
        // An indented first key of a section is a key, as configparser has nothing to continue.
        sawKey = true;
        nestedParent = value.isEmpty() ? key : QString();
        profiles[profile].insert(key, value);
    }
    return profiles;
}

Result<AwsProfileFile> readAwsProfileFile(const QString &path, AwsFileKind kind)
{
    AwsProfileFile out;
    out.path = path;
    if (!QFileInfo::exists(path)) return out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read the AWS file: %1").arg(file.errorString()), path);
    out.exists = true;
    out.profiles = parseAwsProfiles(file.readAll(), kind);
    return out;
}

} // namespace zs
