// The names of qracoon-helper's D-Bus API, shared by the helper and its clients (HelperBackend, tests).
// The interface is versioned in its name: an incompatible change gets org.qracoon.Helper2.
#pragma once

namespace qracoon::helper {

constexpr char ServiceName[] = "org.qracoon.Helper1";
constexpr char ObjectPath[] = "/org/qracoon/Helper1";
constexpr char InterfaceName[] = "org.qracoon.Helper1";

// D-Bus error names the helper replies with. racoon's own answers are not errors: every method that
// sends a request returns racoon's errno as its first result.
namespace ErrorName {
constexpr char NotAuthorized[] = "org.qracoon.Helper1.Error.NotAuthorized";
constexpr char InvalidArgument[] = "org.qracoon.Helper1.Error.InvalidArgument";
constexpr char LimitExceeded[] = "org.qracoon.Helper1.Error.LimitExceeded";
constexpr char DaemonAbsent[] = "org.qracoon.Helper1.Error.DaemonAbsent";
constexpr char Timeout[] = "org.qracoon.Helper1.Error.Timeout";
constexpr char Protocol[] = "org.qracoon.Helper1.Error.Protocol";
constexpr char Failed[] = "org.qracoon.Helper1.Error.Failed";
} // namespace ErrorName

// polkit actions (polkit/org.qracoon.policy), one per risk class an administrator may want to grant.
namespace Action {
constexpr char ReadState[] = "org.qracoon.helper.read-state";
constexpr char Connect[] = "org.qracoon.helper.connect";
constexpr char Disconnect[] = "org.qracoon.helper.disconnect";
constexpr char EstablishSa[] = "org.qracoon.helper.establish-sa";
constexpr char DeleteSa[] = "org.qracoon.helper.delete-sa";
constexpr char FlushSa[] = "org.qracoon.helper.flush-sa";
constexpr char ReloadConfig[] = "org.qracoon.helper.reload-config";
constexpr char LogoutUser[] = "org.qracoon.helper.logout-user";
} // namespace Action

// Signals, sent to each subscriber as a unicast message (so only authorized callers see events).
namespace SignalName {
constexpr char Event[] = "Event";
constexpr char DaemonUp[] = "DaemonUp";
constexpr char DaemonDown[] = "DaemonDown";
} // namespace SignalName

} // namespace qracoon::helper
