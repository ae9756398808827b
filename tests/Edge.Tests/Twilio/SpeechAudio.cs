using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace VoiceConnector.Edge.Tests.Twilio;

/// <summary>Speech synthesised with the <c>flite</c> command line, converted by <c>sox</c> to raw mu-law 8 kHz (cached).</summary>
internal static class SpeechAudio
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "voiceconnector-twilio-tests");

    public static byte[] MuLaw8k(string text)
    {
        Directory.CreateDirectory(Folder);
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        var raw = Path.Combine(Folder, name + ".ul");
        if (!File.Exists(raw))
        {
            var wav = Path.Combine(Folder, name + "." + Environment.ProcessId + ".wav");
            Run("flite", ["-voice", "slt", "-t", text, "-o", wav]);
            var part = raw + "." + Environment.ProcessId;
            Run("sox", [wav, "-r", "8000", "-c", "1", "-e", "mu-law", "-t", "raw", part]);
            File.Move(part, raw, overwrite: true);
            File.Delete(wav);
        }

        return File.ReadAllBytes(raw);
    }

    private static void Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        if (!process.WaitForExit(30_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {process.StandardError.ReadToEnd()}");
        }
    }
}
