namespace Vigil.Analytics.Behaviour.Models;

/// <summary>The pairs a rare-pair model tracks.</summary>
internal enum RarePairKind
{
    /// <summary>A user logging on to a host.</summary>
    UserHost,

    /// <summary>A user logging on from a source network (a prefix asset, else the /24) or host.</summary>
    UserSource,

    /// <summary>A process image on a host.</summary>
    HostProcess,

    /// <summary>A parent image starting a child image (organisation-wide).</summary>
    ParentChild,

    /// <summary>A user logging on with a logon type (interactive, network, service...).</summary>
    UserLogonType,
}
