// racoon's STATUS/STATUS_VERBOSE JSON document, schema_version 2.x (ADMIN-PROTOCOL.md §7.5).
// Optional parts of the schema are std::optional; "any" selector values are std::nullopt.
#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <vector>

namespace qracoon {

struct StatusDocument
{
    struct Phase1Proposal
    {
        QString encryptionAlgorithm;
        QString hashAlgorithm;
        QString authenticationMethod;
        QString dhGroup; // a string on the wire, e.g. "2048-bit MODP group"
        std::int64_t lifetimeSeconds = 0;
    };

    struct Xauth
    {
        QString state;    // "ok" or "reqsent"
        QString authType; // generic, chap, otp, skey, unknown
        std::optional<QString> username;
    };

    struct ModeCfg
    {
        QString addr4;
        QStringList dns4;
        QStringList splitInclude;
    };

    struct Dpd
    {
        bool supported = false;
        std::int64_t fails = 0;
    };

    struct RemoteConfig
    {
        bool anonymous = false;
        bool passive = false;
        QString generatePolicy; // none, require, unique
    };

    struct Phase1
    {
        QString index; // "0x" + 32 hex digits
        QString state;
        QString remoteId;
        QString localId;
        QString version;
        QString exchangeMode;
        std::optional<Phase1Proposal> proposal;
        std::optional<Xauth> xauth;
        std::optional<ModeCfg> modeCfg;
        std::optional<Dpd> dpd;
        std::optional<bool> natTEnabled;
        std::optional<RemoteConfig> remoteConfig;
    };

    struct Selectors
    {
        QString source;      // CIDR
        QString destination; // CIDR
        std::optional<int> protocol;
        std::optional<int> sourcePort;
        std::optional<int> destinationPort;
    };

    struct Phase2Proposal
    {
        std::optional<QString> encryptionAlgorithm;
        std::optional<QString> authenticationAlgorithm;
        std::optional<QString> compressionAlgorithm;
        std::optional<std::int64_t> pfsGroup;
        std::int64_t effectiveGroup = 0;
        std::int64_t lifetimeSeconds = 0;
        std::int64_t lifetimeBytes = 0;
    };

    struct Phase2
    {
        QString index; // "0x" + 8 hex digits of the message id
        std::optional<QString> phase1Index;
        QString state;
        std::optional<QString> spiIn; // masked, "0x1234****"
        std::optional<QString> spiOut;
        QString protocol; // ESP, AH, IPCOMP, unknown
        QString encapsulationMode;
        Selectors selectors;
        std::optional<Phase2Proposal> proposal;
        std::int64_t reqidIn = 0;
        std::int64_t reqidOut = 0;
        bool ok = false;
    };

    QString schemaVersion;
    QString timestamp; // UTC, YYYY-MM-DDTHH:MM:SSZ
    std::vector<Phase1> phase1;
    std::optional<std::vector<Phase2>> phase2; // present for STATUS_VERBOSE only
};

} // namespace qracoon
