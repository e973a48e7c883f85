namespace Vigil.Response.Tests.Engine;

/// <summary>
/// A temporary directory for engine tests, in RAM when the OS offers one. The audit log fsyncs every append
/// (synchronous=FULL); on this disk 3,000 appends take 3 to 8 s, which would make the flood test measure the disk, not
/// the engine. On Linux, /dev/shm is the standard RAM-backed temp folder (229 ms for the same appends); elsewhere the
/// ordinary temp folder is used.
/// </summary>
internal static class RamTempDirectory
{
    private const string LinuxShm = "/dev/shm";

    public static string Create(string prefix)
    {
        if (OperatingSystem.IsLinux() && Directory.Exists(LinuxShm))
        {
            return Directory.CreateDirectory(Path.Combine(LinuxShm, prefix + Guid.NewGuid().ToString("N"))).FullName;
        }

        return Directory.CreateTempSubdirectory(prefix).FullName;
    }
}
