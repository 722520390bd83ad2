#include "timing/TimingExport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace zs {

using ojson = nlohmann::ordered_json;

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

QString qstr(const nlohmann::json &j, const char *key)
{
    return QString::fromStdString(j.value(key, std::string()));
}

QString csvField(const QString &s)
{
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r')) return s;
    QString q = s;
    q.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

QString csvLine(const QStringList &fields)
{
    QStringList out;
    for (const QString &f : fields)
        out << csvField(f);
    return out.join(u',') + u'\n';
}

QString num(double v)
{
    return QString::number(v, 'g', 12);
}

Status writeText(const QString &file, const QByteArray &text)
{
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size() || !f.commit())
        return makeError(QStringLiteral("cannot write: %1").arg(f.errorString()), file);
    return Ok{};
}

} // namespace

ojson timingToJson(const TimingRun &run)
{
    ojson doc = {{"location", str(run.location)},
                 {"array", str(run.arrayPath)},
                 {"selection", str(run.selection)},
                 {"sweep_run", run.sweep},
                 {"http2", run.http2},
                 {"cache_bust", run.cacheBust},
                 {"concurrency", run.concurrency},
                 {"repeats", run.repeats},
                 {"known_latency_ms", run.knownLatencyMs}};
    ojson summary = ojson::array();
    for (const ModeSummary &s : summarize(run))
        summary.push_back({{"mode", str(s.mode)},
                           {"concurrency", s.concurrency},
                           {"runs", s.runs},
                           {"wall_s", s.wallSeconds},
                           {"speedup", s.speedup},
                           {"requests_per_s", s.requestsPerSecond},
                           {"mb_per_s", s.megabytesPerSecond},
                           {"latency_p50_ms", s.latencyP50Ms},
                           {"latency_p95_ms", s.latencyP95Ms},
                           {"max_in_flight", s.maxInFlight},
                           {"connections", s.connections},
                           {"requests", s.requests},
                           {"bytes", s.bytes},
                           {"chunks", s.chunks}});
    doc["summary"] = summary;
    ojson sweep = ojson::array();
    for (const SweepPoint &p : sweepPoints(run))
        sweep.push_back(
            {{"concurrency", p.concurrency}, {"seconds", p.seconds}, {"ideal_seconds", p.idealSeconds}});
    doc["sweep"] = sweep;
    ojson passes = ojson::array();
    for (const PassTimeline &p : run.passes)
        passes.push_back({{"concurrency", p.pass.concurrency},
                          {"repeat", p.pass.repeat},
                          {"finished", p.finished},
                          {"seconds", p.seconds},
                          {"chunks", p.chunks},
                          {"requests", p.requests},
                          {"bytes", p.bytes},
                          {"max_in_flight", p.maxInFlight},
                          {"managers", p.managers},
                          {"http2", p.http2},
                          {"chunk_done_ms", p.chunkDoneMs}});
    doc["passes"] = passes;
    ojson rows = ojson::array();
    for (const WaterfallRow &r : run.rows)
        rows.push_back({{"pass", r.pass},
                        {"concurrency", r.concurrency},
                        {"repeat", r.repeat},
                        {"key", str(r.key)},
                        {"queued_ms", r.queuedMs},
                        {"sent_ms", r.sentMs},
                        {"first_byte_ms", r.firstByteMs},
                        {"done_ms", r.doneMs},
                        {"status", r.status},
                        {"attempt", r.attempt},
                        {"bytes", r.bytes},
                        {"outcome", str(outcomeName(r.outcome))}});
    doc["requests"] = rows;
    return doc;
}

Result<TimingRun> timingFromJson(const nlohmann::json &doc)
{
    try {
        TimingRun run;
        run.location = qstr(doc, "location");
        run.arrayPath = qstr(doc, "array");
        run.selection = qstr(doc, "selection");
        run.sweep = doc.at("sweep_run").get<bool>();
        run.http2 = doc.at("http2").get<bool>();
        run.cacheBust = doc.at("cache_bust").get<bool>();
        run.concurrency = doc.at("concurrency").get<int>();
        run.repeats = doc.at("repeats").get<int>();
        run.knownLatencyMs = doc.at("known_latency_ms").get<double>();
        for (const auto &p : doc.at("passes")) {
            PassTimeline t;
            t.pass = {p.at("concurrency").get<int>(), p.at("repeat").get<int>()};
            t.finished = p.at("finished").get<bool>();
            t.seconds = p.at("seconds").get<double>();
            t.chunks = p.at("chunks").get<quint64>();
            t.requests = p.at("requests").get<quint64>();
            t.bytes = p.at("bytes").get<quint64>();
            t.maxInFlight = p.at("max_in_flight").get<int>();
            t.managers = p.at("managers").get<int>();
            t.http2 = p.at("http2").get<bool>();
            t.chunkDoneMs = p.at("chunk_done_ms").get<std::vector<double>>();
            run.passes.push_back(std::move(t));
        }
        for (const auto &r : doc.at("requests")) {
            WaterfallRow w;
            w.pass = r.at("pass").get<int>();
            w.concurrency = r.at("concurrency").get<int>();
            w.repeat = r.at("repeat").get<int>();
            w.key = qstr(r, "key");
            w.queuedMs = r.at("queued_ms").get<double>();
            w.sentMs = r.at("sent_ms").get<double>();
            w.firstByteMs = r.at("first_byte_ms").get<double>();
            w.doneMs = r.at("done_ms").get<double>();
            w.status = r.at("status").get<int>();
            w.attempt = r.at("attempt").get<int>();
            w.bytes = r.at("bytes").get<quint64>();
            w.outcome = outcomeFromName(qstr(r, "outcome"));
            run.rows.push_back(std::move(w));
        }
        return run;
    } catch (const nlohmann::json::exception &e) {
        return makeError(QStringLiteral("not a timing run: %1").arg(QString::fromUtf8(e.what())));
    }
}

QString summaryCsv(const TimingRun &run)
{
    QString out = csvLine({QStringLiteral("mode"), QStringLiteral("concurrency"), QStringLiteral("runs"),
                           QStringLiteral("wall_s"), QStringLiteral("speedup"),
                           QStringLiteral("requests_per_s"), QStringLiteral("mb_per_s"),
                           QStringLiteral("latency_p50_ms"), QStringLiteral("latency_p95_ms"),
                           QStringLiteral("max_in_flight"), QStringLiteral("connections"),
                           QStringLiteral("requests"), QStringLiteral("bytes"), QStringLiteral("chunks")});
    for (const ModeSummary &s : summarize(run))
        out +=
            csvLine({s.mode, QString::number(s.concurrency), QString::number(s.runs), num(s.wallSeconds),
                     num(s.speedup), num(s.requestsPerSecond), num(s.megabytesPerSecond), num(s.latencyP50Ms),
                     num(s.latencyP95Ms), QString::number(s.maxInFlight), QString::number(s.connections),
                     QString::number(s.requests), QString::number(s.bytes), QString::number(s.chunks)});
    return out;
}

QString requestsCsv(const TimingRun &run)
{
    QString out =
        csvLine({QStringLiteral("pass"), QStringLiteral("concurrency"), QStringLiteral("repeat"),
                 QStringLiteral("key"), QStringLiteral("queued_ms"), QStringLiteral("sent_ms"),
                 QStringLiteral("first_byte_ms"), QStringLiteral("done_ms"), QStringLiteral("status"),
                 QStringLiteral("attempt"), QStringLiteral("bytes"), QStringLiteral("outcome")});
    for (const WaterfallRow &r : run.rows)
        out += csvLine({QString::number(r.pass), QString::number(r.concurrency), QString::number(r.repeat),
                        r.key, num(r.queuedMs), num(r.sentMs), num(r.firstByteMs), num(r.doneMs),
                        QString::number(r.status), QString::number(r.attempt), QString::number(r.bytes),
                        outcomeName(r.outcome)});
    return out;
}

std::vector<QStringList> parseCsv(const QString &text)
{
    std::vector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false, any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = any = true;
        } else if (c == u',') {
            row << field;
            field.clear();
            any = true;
        } else if (c == u'\n') {
            row << field;
            rows.push_back(row);
            row.clear();
            field.clear();
            any = false;
        } else if (c != u'\r') {
            field += c;
            any = true;
        }
    }
    if (any || !field.isEmpty()) {
        row << field;
        rows.push_back(row);
    }
    return rows;
}

Status writeTimingJson(const TimingRun &run, const QString &file)
{
    return writeText(file, QByteArray::fromStdString(timingToJson(run).dump(2)) + '\n');
}

QString requestsCsvPath(const QString &summaryCsvPath)
{
    const QFileInfo info(summaryCsvPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral("-requests.csv"));
}

Status writeTimingCsv(const TimingRun &run, const QString &file)
{
    ZS_CHECK(writeText(file, summaryCsv(run).toUtf8()));
    return writeText(requestsCsvPath(file), requestsCsv(run).toUtf8());
}

} // namespace zs
