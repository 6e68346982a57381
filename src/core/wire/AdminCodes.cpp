#include "AdminCodes.h"

namespace qracoon {

const char* adminCommandName(std::uint16_t command)
{
    switch (command) {
    case AdminCommand::ReloadConf:
        return "reload-config";
    case AdminCommand::ShowSched:
        return "show-schedule";
    case AdminCommand::ShowEvt:
        return "show-event";
    case AdminCommand::ShowSa:
        return "show-sa";
    case AdminCommand::FlushSa:
        return "flush-sa";
    case AdminCommand::Status:
        return "status";
    case AdminCommand::StatusVerbose:
        return "status -v";
    case AdminCommand::DeleteSa:
        return "delete-sa";
    case AdminCommand::EstablishSa:
        return "establish-sa";
    case AdminCommand::EstablishSaPsk:
        return "establish-sa -u";
    case AdminCommand::DeleteAllSaDst:
        return "vpn-disconnect";
    case AdminCommand::LogoutUser:
        return "logout-user";
    case AdminCommand::GetSaCert:
        return "get-sa-cert";
    default:
        return nullptr;
    }
}

} // namespace qracoon
