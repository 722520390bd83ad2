#pragma once
// Command-line parsing for zarrscope-cli: a command, positional arguments and
// options, each option known to take a value or not. Misuse is exit status 1.

#include <QMap>
#include <QStringList>
#include <optional>

struct CliArgs
{
    QString command;
    QStringList positional;
    QMap<QString, QString> options;      // "--json" -> "" for flags; the last value of a repeated option
    QMap<QString, QStringList> repeated; // every value of each valued option, in order (--header)

    bool has(const QString &name) const { return options.contains(name); }
    QString value(const QString &name, const QString &fallback = {}) const
    {
        return options.value(name, fallback);
    }
    QStringList values(const QString &name) const { return repeated.value(name); }
};

struct CommandSpec
{
    QString name;
    int minPositional;
    int maxPositional;
    QStringList flags;  // options without a value
    QStringList valued; // options taking a value
    QString usage;
};

const QList<CommandSpec> &commandSpecs();
QString usageText();
// Parses argv (without the program name); on misuse returns an error message.
std::optional<CliArgs> parseArgs(const QStringList &args, QString *error);
