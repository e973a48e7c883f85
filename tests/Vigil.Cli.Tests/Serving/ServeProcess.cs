using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Cli.Tests.Serving;

/// <summary>A real <c>vigil serve</c> process on a free loopback port (the vigil.dll beside the tests), killed on dispose.</summary>
internal sealed partial class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServeProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string? AdminKey { get; private set; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ServeProcess Start(string workspace, int? port = null, params string[] extra)
    {
        var chosen = port ?? FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "vigil.dll"), "serve", "--workspace", workspace, "--listen", $"http://127.0.0.1:{chosen}" }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var serve = new ServeProcess(process, chosen);
        process.OutputDataReceived += (_, e) => serve.Append(e.Data);
        process.ErrorDataReceived += (_, e) => serve.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        serve.WaitForStart();
        return serve;
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown code runs.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000).ShouldBeTrue("the killed server did not exit");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (KeyPattern().Match(line) is { Success: true } match)
        {
            AdminKey ??= match.Value;
        }
    }

    private void WaitForStart()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (Output.Contains("Vigil is serving on", StringComparison.Ordinal))
            {
                return;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException("vigil serve exited at start:\n" + Output);
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException("vigil serve did not start within 90 s:\n" + Output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"vgl_[0-9a-f]{12}_[A-Za-z0-9_-]{43}")]
    private static partial Regex KeyPattern();
}
