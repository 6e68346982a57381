// Where racoonctl writes: a file descriptor in the program, a string in tests that run it in-process.
#pragma once

#include <string>
#include <string_view>

namespace qracoon::cli {

class OutputSink
{
public:
    virtual ~OutputSink() = default;
    virtual void write(std::string_view bytes) = 0;
    virtual bool isTerminal() const { return false; }
    virtual int terminalWidth() const { return 80; }
};

class FdOutputSink : public OutputSink
{
public:
    explicit FdOutputSink(int fd) : m_fd(fd) {}
    void write(std::string_view bytes) override;
    bool isTerminal() const override;
    int terminalWidth() const override;

private:
    int m_fd;
};

class StringOutputSink : public OutputSink
{
public:
    void write(std::string_view bytes) override { m_text.append(bytes); }
    const std::string& text() const { return m_text; }

private:
    std::string m_text;
};

} // namespace qracoon::cli
