"""Who is signed in and what they may do: passwords, sessions, the permission check at the moment
of an action, the actions that change the store, and the audit trail they write.

Sits above the store (it reads accounts and writes the trail) and below the service; the pages
and the command line call it, never the store's write methods directly, for anything a role
guards.
"""
