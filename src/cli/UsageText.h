// racoonctl's --help text and --version line.
#pragma once

#include <QString>

namespace qracoon::cli {

// The usage text, each line ending in a newline; `programName` is the name shown in the synopsis.
QString usageText(const QString& programName);

// "racoonctl (qracoon) <version>\n".
QString versionText();

} // namespace qracoon::cli
