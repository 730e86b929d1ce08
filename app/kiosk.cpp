#include "app/kiosk.h"

#include <algorithm>
#include <cmath>

namespace app {

KioskMachine::KioskMachine(double idleS)
    : m_idleS(std::isfinite(idleS) ? std::max(idleS, kMinIdleS) : kMinIdleS) {}

KioskAction KioskMachine::input(double now) {
    m_lastInput = now;
    if (m_state == KioskState::Visitor) return KioskAction::None;
    m_state = KioskState::Visitor;
    ++m_visits;
    return KioskAction::EnterVisitor;
}

KioskAction KioskMachine::tick(double now) {
    if (m_state != KioskState::Visitor || now - m_lastInput < m_idleS) return KioskAction::None;
    m_state = KioskState::Attract;
    return KioskAction::ReturnToAttract;
}

double KioskMachine::secondsLeft(double now) const {
    if (m_state != KioskState::Visitor) return 0.0;
    return std::max(0.0, m_idleS - (now - m_lastInput));
}

bool KioskMachine::countingDown(double now) const {
    return m_state == KioskState::Visitor && secondsLeft(now) <= kCountdownS;
}

}  // namespace app
