// Why a backend operation failed, sorted into the cases the applet treats differently.
#pragma once

#include <QMetaType>
#include <QString>

namespace qracoon {

struct BackendError
{
    enum class Kind
    {
        None,
        DaemonAbsent,  // racoon is not running (no socket, or nobody listening): show "not running"
        NotAuthorized, // the socket is root-only, or the helper's polkit check said no
        Refused,       // racoon answered with an errno (`racoonErrno`)
        Protocol,      // a reply that could not be decoded
        Timeout,       // racoon (or the helper) did not answer in time
        Failed,        // anything else (invalid address, send failure, helper gone)
    };

    Kind kind = Kind::None;
    int racoonErrno = 0; // for Refused: the positive errno racoon sent
    QString message;     // a full, translated sentence for the user

    bool isError() const { return kind != Kind::None; }

    static BackendError make(Kind kind, const QString& message, int racoonErrno = 0)
    {
        BackendError error;
        error.kind = kind;
        error.racoonErrno = racoonErrno;
        error.message = message;
        return error;
    }
};

} // namespace qracoon

Q_DECLARE_METATYPE(qracoon::BackendError)
