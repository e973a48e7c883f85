namespace Vigil.Analytics.Behaviour.Observations;

/// <summary>What an observation records.</summary>
internal enum ObservationKind : byte
{
    /// <summary>A successful logon (Authentication, logon activity, status success).</summary>
    LogonSuccess,

    /// <summary>A failed logon.</summary>
    LogonFailure,

    /// <summary>A process start.</summary>
    ProcessStart,

    /// <summary>A network flow with a byte count.</summary>
    NetworkFlow,

    /// <summary>An account was created.</summary>
    AccountCreated,

    /// <summary>A member was added to a group.</summary>
    GroupMemberAdded,
}
