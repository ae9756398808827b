using System.Diagnostics;
using System.Globalization;

namespace VoiceConnector.EndToEnd.Tests.Support;

/// <summary>
/// The baresip softphone calling a SIP URI headless: G.722 at 16 kHz, the caller's voice from a WAV file (aufile),
/// what it hears written to a WAV, bounded by <c>-t</c> and killed on timeout. Its own config folder.
/// </summary>
internal static class BaresipCaller
{
    /// <summary>What the caller heard (baresip's sndfile dump of the decoded far end), or null.</summary>
    public static FileInfo? Heard(string folder) =>
        Directory.GetFiles(folder, "dump-*-dec.wav").Select(f => new FileInfo(f)).FirstOrDefault();

    /// <summary>Seconds of a 16-bit mono WAV (16 kHz) with speech energy, in 20 ms frames.</summary>
    public static double SpeechSeconds(FileInfo wav)
    {
        ArgumentNullException.ThrowIfNull(wav);
        var bytes = File.ReadAllBytes(wav.FullName);
        const int Header = 44;
        const int FrameBytes = 640;
        var loud = 0;
        for (var at = Header; at + FrameBytes <= bytes.Length; at += FrameBytes)
        {
            long energy = 0;
            for (var i = at; i < at + FrameBytes; i += 2)
            {
                var sample = (short)(bytes[i] | (bytes[i + 1] << 8));
                energy += sample * sample;
            }

            if (Math.Sqrt(energy / (FrameBytes / 2.0)) > 300)
            {
                loud++;
            }
        }

        return loud * 0.02;
    }

    /// <summary>Places the call and returns baresip's log once it exited (the far end hung up, or <paramref name="seconds"/> passed).</summary>
    public static async Task<string> CallAsync(string folder, string target, string callerWav, int seconds)
    {
        var sipPort = FreePort.UdpAndTcp();
        var rtpPort = FreePort.RtpRange(10);
        var config = string.Join('\n',
            "poll_method epoll",
            $"sip_listen 127.0.0.1:{sipPort.ToString(CultureInfo.InvariantCulture)}",
            "sip_trans_def udp",
            $"audio_source aufile,{callerWav}",
            $"audio_player aufile,{Path.Combine(folder, "heard.wav")}",
            $"audio_alert aufile,{Path.Combine(folder, "alert.wav")}",
            "audio_srate 16000",
            "audio_channels 1",
            $"rtp_ports {rtpPort.ToString(CultureInfo.InvariantCulture)}-{(rtpPort + 9).ToString(CultureInfo.InvariantCulture)}",
            "module_path /usr/lib/baresip/modules",
            "module g722.so",
            "module aufile.so",
            "module sndfile.so",
            $"snd_path {folder}",
            "module_app account.so",
            "module_app menu.so",
            string.Empty);
        await File.WriteAllTextAsync(Path.Combine(folder, "config"), config);
        await File.WriteAllTextAsync(Path.Combine(folder, "accounts"), "<sip:caller@127.0.0.1>;regint=0\n");
        var info = new ProcessStartInfo("baresip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[] { "-f", folder, "-e", "/dial " + target, "-t", seconds.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("baresip did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        return await output + await errors;
    }
}
