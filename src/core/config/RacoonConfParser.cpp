#include "RacoonConfParser.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <algorithm>
#include <utility>

namespace qracoon {

namespace {

struct Token
{
    enum class Kind
    {
        Word,
        String,
        Open,
        Close,
        Semicolon,
    };
    Kind kind;
    QString text;
    int line;
};

// A statement and, when it opened a block, what the block holds.
struct Statement
{
    QList<Token> words;
    int line = 0;
    bool block = false;
    QList<Statement> children;
};

// What was skipped, by line; formatted once all passes are done, so the list is in file order.
using Notes = QList<std::pair<int, QString>>;

bool isSpecial(char c)
{
    return c == '{' || c == '}' || c == ';' || c == '"' || c == '#';
}

QList<Token> tokenize(const QByteArray& text, Notes& messages)
{
    QList<Token> tokens;
    int line = 1;
    qsizetype i = 0;
    const qsizetype size = text.size();
    while (i < size) {
        const char c = text.at(i);
        if (c == '\n') {
            ++line;
            ++i;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            ++i;
        } else if (c == '#') {
            while (i < size && text.at(i) != '\n') {
                ++i;
            }
        } else if (c == '{' || c == '}' || c == ';') {
            tokens.append({c == '{'   ? Token::Kind::Open
                           : c == '}' ? Token::Kind::Close
                                      : Token::Kind::Semicolon,
                           QString(QLatin1Char(c)), line});
            ++i;
        } else if (c == '"') {
            const qsizetype start = ++i;
            while (i < size && text.at(i) != '"' && text.at(i) != '\n') {
                ++i;
            }
            tokens.append({Token::Kind::String, QString::fromUtf8(text.mid(start, i - start)), line});
            if (i < size && text.at(i) == '"') {
                ++i;
            } else {
                // racoon's strings do not span lines: the rest of the line is taken as the string.
                messages.append(std::make_pair(
                    line, QCoreApplication::translate("RacoonConfParser",
                                                      "string not closed before the end of the line")));
            }
        } else {
            const qsizetype start = i;
            while (i < size && !isSpecial(text.at(i)) && !QChar::isSpace(uchar(text.at(i)))) {
                ++i;
            }
            tokens.append({Token::Kind::Word, QString::fromUtf8(text.mid(start, i - start)), line});
        }
    }
    return tokens;
}

QString wordsText(const QList<Token>& words)
{
    QStringList parts;
    for (const Token& t : words) {
        parts.append(t.kind == Token::Kind::String ? QLatin1Char('"') + t.text + QLatin1Char('"') : t.text);
    }
    return parts.join(QLatin1Char(' '));
}

// Builds the statement tree of one block (the file when depth is 0), consuming its closing brace.
QList<Statement> parseBlock(const QList<Token>& tokens, qsizetype& pos, int depth, int openLine,
                            Notes& messages)
{
    QList<Statement> statements;
    Statement current;
    const auto finishPending = [&] {
        if (!current.words.isEmpty()) {
            messages.append(std::make_pair(
                current.line, QCoreApplication::translate("RacoonConfParser", "missing ';' after \"%1\"")
                                  .arg(wordsText(current.words))));
            statements.append(current);
            current = {};
        }
    };
    while (pos < tokens.size()) {
        const Token& token = tokens.at(pos++);
        switch (token.kind) {
        case Token::Kind::Word:
        case Token::Kind::String:
            if (current.words.isEmpty()) {
                current.line = token.line;
            }
            current.words.append(token);
            break;
        case Token::Kind::Semicolon:
            if (!current.words.isEmpty()) {
                statements.append(current);
                current = {};
            }
            break;
        case Token::Kind::Open:
            if (current.words.isEmpty()) {
                current.line = token.line;
                messages.append(std::make_pair(
                    token.line,
                    QCoreApplication::translate("RacoonConfParser", "block without a statement before it")));
            }
            current.block = true;
            current.children = parseBlock(tokens, pos, depth + 1, token.line, messages);
            statements.append(current);
            current = {};
            // racoon accepts "};" as well as "}".
            if (pos < tokens.size() && tokens.at(pos).kind == Token::Kind::Semicolon) {
                ++pos;
            }
            break;
        case Token::Kind::Close:
            finishPending();
            if (depth > 0) {
                return statements;
            }
            messages.append(std::make_pair(
                token.line,
                QCoreApplication::translate("RacoonConfParser", "'}' without a matching '{' skipped")));
            break;
        }
    }
    finishPending();
    if (depth > 0) {
        messages.append(std::make_pair(
            openLine, QCoreApplication::translate("RacoonConfParser", "block opened here is not closed")));
    }
    return statements;
}

// "500", "[500]": the port; -1 when `word` is not one.
int portOf(QString word)
{
    if (word.startsWith(QLatin1Char('[')) && word.endsWith(QLatin1Char(']'))) {
        word = word.mid(1, word.size() - 2);
    }
    bool ok = false;
    const int port = word.toInt(&ok);
    return ok && port > 0 && port <= 65535 ? port : -1;
}

void readRemote(const Statement& s, RacoonConfImport& result, Notes& notes, QHash<QString, int>& seen)
{
    if (s.words.size() < 2) {
        notes.append(std::make_pair(
            s.line, QCoreApplication::translate("RacoonConfParser", "remote without an address skipped")));
        return;
    }
    const Token& head = s.words.at(1);
    if (head.kind == Token::Kind::Word && head.text == QLatin1String("anonymous")) {
        notes.append(std::make_pair(
            s.line, QCoreApplication::translate(
                        "RacoonConfParser", "remote anonymous skipped: it names no gateway to connect to")));
        return;
    }
    if (!s.block) {
        notes.append(std::make_pair(
            s.line, QCoreApplication::translate("RacoonConfParser", "remote %1 skipped: it has no { } block")
                        .arg(head.text)));
        return;
    }
    RacoonRemote remote;
    remote.line = s.line;
    QString written = head.text;
    // "192.0.2.1[500]" carries its port.
    const qsizetype bracket = written.indexOf(QLatin1Char('['));
    if (head.kind == Token::Kind::Word && bracket > 0) {
        remote.port = portOf(written.mid(bracket));
        written.truncate(bracket);
    }
    if (s.words.size() >= 3 && s.words.at(2).kind == Token::Kind::Word) {
        const int port = portOf(s.words.at(2).text);
        if (port > 0) {
            remote.port = port;
        }
    }
    QHostAddress address;
    const bool named = head.kind == Token::Kind::String || !address.setAddress(written);
    if (named) {
        // ipsec-tools 0.8 style: `remote "name" { remote_address 192.0.2.1; ... }`.
        remote.name = head.text;
        address.clear();
    } else {
        remote.name = address.toString();
    }
    for (const Statement& child : s.children) {
        if (child.words.isEmpty()) {
            continue;
        }
        const QString& key = child.words.first().text;
        const QString value = child.words.size() >= 2 ? child.words.at(1).text : QString();
        if (key == QLatin1String("remote_address") && named) {
            if (!address.setAddress(value)) {
                notes.append(std::make_pair(
                    child.line, QCoreApplication::translate("RacoonConfParser",
                                                            "remote_address \"%1\" is not an IP address")
                                    .arg(value)));
            }
        } else if (key == QLatin1String("xauth_login")) {
            remote.xauthLogin = value;
        } else if (key == QLatin1String("mode_cfg")) {
            remote.modeCfg = value == QLatin1String("on");
        }
    }
    if (address.isNull()) {
        notes.append(std::make_pair(
            s.line,
            named ? QCoreApplication::translate("RacoonConfParser",
                                                "remote \"%1\" skipped: it has no remote_address")
                        .arg(remote.name)
                  : QCoreApplication::translate("RacoonConfParser", "remote %1 skipped: not an IP address")
                        .arg(written)));
        return;
    }
    if (address.protocol() != QAbstractSocket::IPv4Protocol) {
        notes.append(std::make_pair(
            s.line, QCoreApplication::translate("RacoonConfParser",
                                                "remote %1 skipped: only IPv4 gateways are supported")
                        .arg(address.toString())));
        return;
    }
    remote.address = address.toString();
    if (seen.contains(remote.address)) {
        notes.append(std::make_pair(
            s.line,
            QCoreApplication::translate("RacoonConfParser", "remote %1 skipped: line %2 has the same address")
                .arg(remote.address)
                .arg(seen.value(remote.address))));
        return;
    }
    seen.insert(remote.address, s.line);
    result.remotes.append(remote);
}

} // namespace

RacoonConfImport RacoonConfParser::parse(const QByteArray& text)
{
    RacoonConfImport result;
    Notes notes;
    const QList<Token> tokens = tokenize(text, notes);
    qsizetype pos = 0;
    const QList<Statement> statements = parseBlock(tokens, pos, 0, 1, notes);
    QHash<QString, int> seen;
    for (const Statement& s : statements) {
        if (s.words.isEmpty()) {
            continue;
        }
        const QString& key = s.words.first().text;
        if (key == QLatin1String("remote")) {
            readRemote(s, result, notes, seen);
        } else if (key == QLatin1String("include")) {
            notes.append(std::make_pair(
                s.line, QCoreApplication::translate("RacoonConfParser",
                                                    "include %1 skipped: import that file by itself")
                            .arg(s.words.size() >= 2 ? s.words.at(1).text : QString())));
        }
    }
    std::stable_sort(notes.begin(), notes.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [line, note] : notes) {
        result.messages.append(
            QCoreApplication::translate("RacoonConfParser", "line %1: %2").arg(line).arg(note));
    }
    return result;
}

RacoonConfImport RacoonConfParser::parseFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        RacoonConfImport result;
        result.messages.append(
            QCoreApplication::translate("RacoonConfParser", "%1: %2").arg(path, file.errorString()));
        return result;
    }
    return parse(file.readAll());
}

} // namespace qracoon
