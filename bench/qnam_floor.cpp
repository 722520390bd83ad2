// The limit beside the engine's figures: what N GETs cost with nothing but Qt's
// QNetworkAccessManager, `inflight` on the wire at once over the fewest managers Qt 6.4 allows
// (six HTTP/1.1 connections, or one HTTP/2 connection of 100 streams, per manager), each answer
// read whole and deleted. No scheduler, futures, retries, checks or decoding: a client built on
// QNAM cannot spend less per request. bench/engine.py runs it beside zarrscope-cli.
//
//   qnam-floor URL_PREFIX COUNT INFLIGHT [h2c | tls1 CERT.pem | tls2 CERT.pem]
// requests URL_PREFIX0 ... URL_PREFIX(COUNT-1) and prints {"seconds": ..., "bytes": ...}.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <cstdio>
#include <functional>
#include <vector>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: qnam-floor URL_PREFIX COUNT INFLIGHT [h2c | tls1 CERT | tls2 CERT]\n");
        return 1;
    }
    const QString &prefix = args[1];
    const int count = args[2].toInt(), inflight = args[3].toInt();
    const QString mode = args.value(4);
    QNetworkRequest base;
    base.setRawHeader("Accept-Encoding", "identity");
    base.setAttribute(QNetworkRequest::Http2AllowedAttribute, mode == u"tls2");
    if (mode == u"h2c") base.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
    if (mode.startsWith(u"tls")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(QSslCertificate::fromPath(args.value(5)));
        base.setSslConfiguration(tls);
    }
    const int perManager = mode == u"h2c" || mode == u"tls2" ? 100 : 6;
    const int managerCount = (inflight + perManager - 1) / perManager;
    std::vector<QNetworkAccessManager *> managers;
    managers.reserve(std::size_t(managerCount));
    for (int i = 0; i < managerCount; ++i)
        managers.push_back(new QNetworkAccessManager(&app));

    int next = 0, done = 0, failed = 0;
    qint64 bytes = 0;
    QElapsedTimer clock;
    std::function<void(QNetworkAccessManager *)> issue = [&](QNetworkAccessManager *manager) {
        if (next >= count) return;
        QNetworkRequest request = base;
        request.setUrl(QUrl(prefix + QString::number(next++)));
        QNetworkReply *reply = manager->get(request);
        QObject::connect(reply, &QNetworkReply::finished, [&, reply, manager] {
            failed += reply->error() != QNetworkReply::NoError;
            bytes += reply->readAll().size();
            reply->deleteLater();
            if (++done == count) {
                std::printf("{\"seconds\": %.6f, \"bytes\": %lld, \"failed\": %d}\n",
                            clock.nsecsElapsed() / 1e9, static_cast<long long>(bytes), failed);
                app.exit(failed ? 2 : 0);
            }
            issue(manager);
        });
    };
    clock.start();
    for (int i = 0; i < inflight && i < count; ++i)
        issue(managers[std::size_t(i / perManager)]);
    return app.exec();
}
