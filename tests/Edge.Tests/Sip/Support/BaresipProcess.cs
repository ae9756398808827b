using System.Diagnostics;
using System.Globalization;
using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Tests.Sip.Support;

/// <summary>
/// The real baresip softphone placing one call: audio from a WAV file (aufile), what comes back recorded by the
/// sndfile module. Runs in its own temporary folder, bounded by -t, killed on dispose.
/// </summary>
internal sealed class BaresipProcess : IDisposable
{
    private BaresipProcess(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>Places a call to <paramref name="target"/> sending <paramref name="audio"/>; returns when baresip exits.</summary>
    public static async Task<BaresipProcess> CallAsync(string target, short[] audio, int sampleRate, string codecModule, int seconds)
    {
        var folder = Directory.CreateTempSubdirectory("baresip-").FullName;
        var runner = new BaresipProcess(folder);
        using (var input = File.Create(Path.Combine(folder, "in.wav")))
        {
            WavFile.Write(input, audio, sampleRate);
        }

        var sipPort = Random.Shared.Next(20_000, 30_000) * 2;
        var rtpPort = Random.Shared.Next(15_000, 30_000) * 2;
        var config = string.Join('\n',
            "poll_method epoll",
            $"sip_listen 127.0.0.1:{sipPort.ToString(CultureInfo.InvariantCulture)}",
            "sip_trans_def udp",
            $"audio_source aufile,{folder}/in.wav",
            $"audio_player aufile,{folder}/unused.wav",
            $"audio_alert aufile,{folder}/unused.wav",
            $"audio_srate {sampleRate.ToString(CultureInfo.InvariantCulture)}",
            "audio_channels 1",
            $"rtp_ports {rtpPort.ToString(CultureInfo.InvariantCulture)}-{(rtpPort + 10).ToString(CultureInfo.InvariantCulture)}",
            "module_path /usr/lib/baresip/modules",
            $"module {codecModule}",
            "module aufile.so",
            "module sndfile.so",
            $"snd_path {folder}",
            "module_app account.so",
            "module_app menu.so",
            string.Empty);
        await File.WriteAllTextAsync(Path.Combine(folder, "config"), config);
        await File.WriteAllTextAsync(Path.Combine(folder, "accounts"), "<sip:tester@127.0.0.1>;regint=0\n");
        var info = new ProcessStartInfo("baresip", $"-f {folder} -e \"/dial {target}\" -t {seconds.ToString(CultureInfo.InvariantCulture)}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = folder,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("baresip did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        runner.Log = await output;
        return runner;
    }

    public string Log { get; private set; } = string.Empty;

    /// <summary>What baresip received and decoded (the edge's side of the call).</summary>
    public PcmAudio? Received
    {
        get
        {
            var file = Directory.GetFiles(Folder, "dump-*-dec.wav").FirstOrDefault();
            using var stream = file is null ? null : File.OpenRead(file);
            return stream is null ? null : WavFile.Read(stream);
        }
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
