// Misbehaviour on demand, for testing clients: cut a reply short, delay it, dribble frames out one byte at
// a time, replace a reply by a malformed frame, or die after a number of requests.
#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>
#include <functional>

namespace qracoon::sim {

class FaultInjector
{
public:
    // Applies one --fault switch: close-mid-reply, delay-replies=MS, split-bytes, garbage-frame, die-after=N.
    Result<bool> enable(const QString& spec);
    static QStringList names();

    bool closeMidReply() const { return m_closeMidReply; }
    int replyDelayMs() const { return m_replyDelayMs; }
    bool splitBytes() const { return m_splitBytes; }
    bool garbageFrame() const { return m_garbageFrame; }
    bool any() const
    {
        return m_closeMidReply || m_replyDelayMs > 0 || m_splitBytes || m_garbageFrame || m_dieAfter > 0;
    }

    void setCloseMidReply(bool on) { m_closeMidReply = on; }
    void setReplyDelayMs(int ms) { m_replyDelayMs = ms; }
    void setSplitBytes(bool on) { m_splitBytes = on; }
    void setGarbageFrame(bool on) { m_garbageFrame = on; }
    void setDieAfter(int requests) { m_dieAfter = requests; }
    // What dying means; the daemon exits abruptly, tests substitute a recorder.
    void setDieAction(std::function<void()> action) { m_die = std::move(action); }

    // The reply to one more request has been sent; dies when that was the last one allowed.
    void replySent();
    // The malformed frame sent instead of a reply to `command`: a header announcing fewer bytes than
    // the header itself, then junk.
    static QByteArray garbage(std::uint16_t command, std::uint16_t proto);

private:
    bool m_closeMidReply = false;
    int m_replyDelayMs = 0;
    bool m_splitBytes = false;
    bool m_garbageFrame = false;
    int m_dieAfter = 0;
    int m_replies = 0;
    std::function<void()> m_die;
};

} // namespace qracoon::sim
