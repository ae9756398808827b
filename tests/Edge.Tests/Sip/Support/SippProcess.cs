using System.Diagnostics;

namespace VoiceConnector.Edge.Tests.Sip.Support;

/// <summary>Runs /usr/bin/sipp against the edge, bounded in time; killed on dispose.</summary>
internal sealed class SippProcess : IDisposable
{
    private readonly Process process;

    private SippProcess(Process process) => this.process = process;

    /// <summary>Folder with the shared SIPp scenarios and pcaps (../shared/specs/sipp beside the repository).</summary>
    public static string SpecsDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "specs", "sipp");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("shared/specs/sipp not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>An even media port unlikely to clash with concurrent tests.</summary>
    public static int RandomMediaPort() => 2 * Random.Shared.Next(16_000, 30_000);

    public static SippProcess Start(string arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("sipp", arguments + " -nostdin")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? SpecsDirectory,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SippProcess(process);
    }

    /// <summary>Waits for sipp to exit; its exit code (0 = every call succeeded), or -1 on timeout.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return -1;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
