#include "SadbDumpWalker.h"

namespace qracoon {

std::optional<SadbMessageView> SadbDumpWalker::next()
{
    if (m_done || m_offset >= m_size) {
        m_done = true;
        return std::nullopt;
    }
    SadbMessageView view(m_data + m_offset, m_size - m_offset);
    m_current = m_offset;
    ++m_index;
    if (!view.hasHeader() || view.header().seq == 0 || view.advance() == 0) {
        m_done = true;
    } else {
        m_offset += view.advance();
    }
    return view;
}

} // namespace qracoon
