// Test-only observation hook: when QRACOON_STATE_LOG names a file, the applet appends one line per
// change of what a user would see (racoon's state, each gateway's state, the tray's face, the Xauth
// dialog, row counts). The end-to-end test under Xvfb reads it, because a tray icon and a window on a
// virtual display offer no other way to ask what they show. It never writes credentials.
#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QString>

namespace qracoon {

class StateTrace
{
public:
    // Opens the file QRACOON_STATE_LOG names; does nothing when it is unset.
    StateTrace();
    bool isEnabled() const { return m_file.isOpen(); }
    void write(const QString& line);

private:
    QFile m_file;
    QElapsedTimer m_clock;
};

} // namespace qracoon
