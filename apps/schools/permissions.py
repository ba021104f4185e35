"""What a member of staff may do, as the school's policy says."""

from __future__ import annotations

from apps.schools.models import Account, Agreement, Membership, Role, Signature


def has_signed_agreement(membership: Membership) -> bool:
    """Whether the member signed the school's latest agreement (always true where none is required)."""
    if not membership.school.policy.accounts.agreement_required:
        return True
    latest = Agreement.objects.filter(school=membership.school).order_by("-version").first()
    if latest is None:
        return False
    return Signature.objects.filter(agreement=latest, user=membership.user).exists()


def can_write(membership: Membership) -> bool:
    """May draft posts: everyone but governors (who read reports)."""
    return membership.is_active and membership.role != Role.GOVERNOR


def can_publish(membership: Membership) -> bool:
    """Has posting rights: a role the policy lists, and the agreement signed where required (SUT-15)."""
    return (
        can_write(membership)
        and membership.role in membership.school.policy.accounts.publishers
        and has_signed_agreement(membership)
    )


#: What stops a member who has not signed the agreement (SUT-15), wherever it stops them.
AGREEMENT_NEEDED = "You need to sign the school's social media agreement before you can post."


def why_cannot_publish(membership: Membership) -> str | None:
    """A plain sentence saying why the member cannot publish, or ``None`` if they can."""
    if membership.role == Role.GOVERNOR:
        return "Governors can read reports but do not post."
    if membership.role not in membership.school.policy.accounts.publishers:
        roles = [_role_words(r) for r in membership.school.policy.accounts.publishers]
        listed = ", ".join(roles[:-1]) + f" and {roles[-1]}" if len(roles) > 1 else "".join(roles)
        return (
            "Your posts go to an approver before they go out: at this school, posting rights are held by "
            f"{listed or 'nobody yet'}."
        )
    if not has_signed_agreement(membership):
        return AGREEMENT_NEEDED
    return None


def _role_words(role: str) -> str:
    """A role as a sentence names it: "the headteacher", "senior leaders"."""
    if role == Role.HEADTEACHER:
        return "the headteacher"
    label = Role(role).label.lower() if role in Role.values else role.replace("-", " ")
    return label if label.endswith(("staff", "s")) else f"{label}s"


def needs_approval(membership: Membership, account: Account) -> bool:
    """Whether posts by this member on this account go to the approval queue.

    The policy lists roles that need approval; anyone without posting rights
    always does (they may draft and submit, a publisher approves).
    """
    if not can_publish(membership):
        return True
    return membership.role in membership.school.policy.accounts.approval_required_for


def can_approve(membership: Membership, account: Account, author_id: int | None = None) -> bool:
    """May approve posts on ``account``: the account holder or a senior leader, as the policy says.

    Nobody approves their own post.
    """
    if author_id is not None and author_id == membership.user_id:
        return False
    if not can_publish(membership):
        return False
    approvers = membership.school.policy.accounts.approvers
    if "account-holder" in approvers and account.holder_id == membership.user_id:
        return True
    if "senior-leader" in approvers and membership.is_senior:
        return True
    # The holder cannot approve their own post, and an account may have no holder (yet):
    # then a senior leader approves, so a post is never stuck with nobody allowed to.
    holder_unavailable = account.holder_id is None or account.holder_id == author_id
    if "account-holder" in approvers and holder_unavailable and membership.is_senior:
        return True
    return "headteacher" in approvers and membership.role == Role.HEADTEACHER


def allowed_exceptions(membership: Membership) -> list[str]:
    """The posting-window exceptions this member's role may use."""
    exceptions = membership.school.policy.posting_window.exceptions
    return [kind for kind, rule in exceptions.items() if not rule.roles or membership.role in rule.roles]


def can_manage_school(membership: Membership) -> bool:
    """May change the policy, staff, accounts and roster: the headteacher and senior leaders."""
    return membership.is_active and membership.is_senior


def can_view_audit(membership: Membership) -> bool:
    """May read the audit log: senior leaders, the computing lead and governors."""
    return membership.is_active and (
        membership.is_senior or membership.role in (Role.COMPUTING_LEAD, Role.GOVERNOR)
    )


def can_view_school_settings(membership: Membership) -> bool:
    """May read the school's settings pages: those who manage them, and governors (read-only)."""
    return can_manage_school(membership) or (membership.is_active and membership.role == Role.GOVERNOR)


#: Roles that keep the consent register: the office takes the forms and calls from parents.
CONSENT_EDITORS = frozenset({Role.HEADTEACHER, Role.SENIOR_LEADER, Role.OFFICE})


def can_edit_consent(membership: Membership) -> bool:
    """May give or withdraw pupils' consent and enrol faces: the headteacher, senior leaders, office staff."""
    return membership.is_active and membership.role in CONSENT_EDITORS


def can_view_consent(membership: Membership) -> bool:
    """May read the consent register: those who keep it and everyone who writes posts."""
    return can_edit_consent(membership) or can_write(membership)


#: Who reads the duties page and the governors' report: senior leaders, the safeguarding lead and
#: governors (apps.reminders, apps.reports; here so the menu needs no import of them).
GOVERNANCE_READERS = frozenset({Role.HEADTEACHER, Role.SENIOR_LEADER, Role.SAFEGUARDING_LEAD, Role.GOVERNOR})


def can_view_governance(membership: Membership) -> bool:
    """May read the school's duties and the governors' report (read-only for governors)."""
    return membership.is_active and membership.role in GOVERNANCE_READERS


def can_switch_face_matching(membership: Membership) -> bool:
    """May turn biometric face matching on or off: the headteacher only."""
    return membership.is_active and membership.role == Role.HEADTEACHER
