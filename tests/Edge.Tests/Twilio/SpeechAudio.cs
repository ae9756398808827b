using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using VoiceConnector.Edge.Conversation.Audio;

namespace VoiceConnector.Edge.Tests.Twilio;

/// <summary>
/// Speech synthesised with the <c>flite</c> command line (cached): raw mu-law 8 kHz (converted by <c>sox</c>), or 16 kHz
/// PCM. One process per synthesis, so the same text always gives the same audio (flite's voice excites with noise from
/// a generator that a long-lived process, like the edge's embedded TTS, does not reset).
/// </summary>
internal static class SpeechAudio
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "voiceconnector-twilio-tests");

    /// <summary>16 kHz PCM of <paramref name="text"/> in flite's <c>slt</c> voice.</summary>
    public static short[] Pcm16k(string text)
    {
        var wav = Path.Combine(Directory.CreateDirectory(Folder).FullName, Name(text) + ".wav");
        if (!File.Exists(wav))
        {
            var part = wav + "." + Environment.ProcessId;
            Run("flite", ["-voice", "slt", "-t", text, "-o", part]);
            File.Move(part, wav, overwrite: true);
        }

        using var decoder = new TtsAudioDecoder();
        return decoder.Decode(File.ReadAllBytes(wav), "audio/wav").ToArray();
    }

    public static byte[] MuLaw8k(string text)
    {
        Directory.CreateDirectory(Folder);
        var name = Name(text);
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

    private static string Name(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

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
