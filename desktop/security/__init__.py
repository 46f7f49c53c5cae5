"""What protects a profile: SQLCipher encryption, keyring access and the profile's keys,
sealed attachments, staff accounts and login, the permission table, the security policy,
and integrity checks (docs/ARCHITECTURE.md §6; recovery steps in README.md here).

May import: desktop.domain, desktop.store. Never ui, reports, hq or Qt.
"""
