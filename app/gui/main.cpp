// zarrscope: the desktop browser. zarrscope [STORE] [--array PATH] [--version]

#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Zarrscope"));
    QApplication::setApplicationName(QStringLiteral("zarrscope"));
    QApplication::setApplicationVersion(QStringLiteral(ZARRSCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Browse Zarr v2 and v3 stores: hierarchy, metadata and data."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("STORE"),
                                 QStringLiteral("A folder, file://, http(s)://, s3://bucket/prefix or gs://bucket/prefix."),
                                 QStringLiteral("[STORE]"));
    const QCommandLineOption array(QStringLiteral("array"), QStringLiteral("Select this array (path in the store)."),
                                   QStringLiteral("PATH"));
    parser.addOption(array);
    parser.process(app);
    if (parser.positionalArguments().size() > 1) {
        fputs("error: at most one STORE\n", stderr);
        return 1;
    }

    zs::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openLocation(parser.positionalArguments().front(), parser.value(array));
    return app.exec();
}
