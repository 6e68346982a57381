// Why talking to racoon failed, in a form both a program and a person can use.
#pragma once

#include <QString>

namespace qracoon {

struct AdminError
{
    enum class Kind
    {
        None,
        SocketPathTooLong, // the path does not fit a sockaddr_un
        SocketMissing,     // no socket file: racoon is not running, or another path
        ConnectionRefused, // a socket file nobody listens on: racoon died
        PermissionDenied,  // the socket is root-only
        ConnectFailed,     // any other connect() failure
        SendFailed,
        ReceiveFailed,
        ClosedBeforeReply, // racoon hung up before (the next) frame began
        ClosedMidFrame,    // racoon hung up inside a frame
        MalformedFrame,    // a header that cannot be right (length below 8)
        Timeout,           // no complete reply within the timeout
    };

    Kind kind = Kind::None;
    int systemError = 0; // errno where one applies
    QString message;     // full sentence for the user, without program name

    bool isError() const { return kind != Kind::None; }
    // True for the failures that mean "racoon is not there" (the applet shows that state, not an error).
    bool meansDaemonAbsent() const { return kind == Kind::SocketMissing || kind == Kind::ConnectionRefused; }
};

} // namespace qracoon
