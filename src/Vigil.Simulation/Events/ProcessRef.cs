namespace Vigil.Simulation.Events;

/// <summary>A running process, as Sysmon names it for its children and its connections.</summary>
/// <param name="Guid">The Sysmon process GUID.</param>
/// <param name="Pid">The process id.</param>
/// <param name="Image">The image path.</param>
/// <param name="CommandLine">The command line.</param>
/// <param name="User">The user (<c>CORP\jdoe</c>).</param>
/// <param name="LogonId">The logon session id (<c>0x3e7</c> for system processes).</param>
internal sealed record ProcessRef(string Guid, int Pid, string Image, string CommandLine, string User, string LogonId);
