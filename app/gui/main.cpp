// zarrscope: the desktop browser. zarrscope [STORE] [--array PATH] [--version]

#include "MainWindow.h"
#include "util/Memory.h"

#include <QApplication>
#include <QCommandLineParser>
#include <memory>

// --help and --version print and exit, so they must work without a display: no QApplication then.
static bool textOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--help" || a == "-h" || a == "--help-all" || a == "--version" || a == "-v")
            return true;
    }
    return false;
}

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (textOnly(argc, argv))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
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
    parser.process(*app);
    if (parser.positionalArguments().size() > 1) {
        fputs("error: at most one STORE\n", stderr);
        return 1;
    }

    zs::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openLocation(parser.positionalArguments().front(), parser.value(array));
    return app->exec();
}
