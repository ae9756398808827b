using System.Threading.Channels;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Media.Codecs;
using VoiceConnector.Edge.Media.Resampling;

namespace VoiceConnector.Edge.Twilio;

/// <summary>
/// Incoming audio of one stream: mu-law 8 kHz (any chunk size) decoded, resampled to 16 kHz and cut into pooled
/// 20 ms <see cref="AudioFrame"/>s on a bounded channel (about a second; the oldest frame is dropped when the agent
/// falls behind). Used by the stream's receive loop only.
/// </summary>
internal sealed class TwilioCallerAudio : IDisposable
{
    private const int Chunk = 160;
    private const int Capacity = 50;

    private readonly Resampler resampler = new(8_000, 16_000);
    private readonly Channel<AudioFrame> frames = Channel.CreateBounded<AudioFrame>(
        new BoundedChannelOptions(Capacity) { SingleWriter = true, FullMode = BoundedChannelFullMode.DropOldest },
        static dropped => dropped.Dispose());

    private AudioFrame? current;
    private int filled;
    private long timestamp;

    public ChannelReader<AudioFrame> Reader => frames.Reader;

    /// <summary>Adds decoded caller audio.</summary>
    public void Write(ReadOnlySpan<byte> muLaw)
    {
        Span<short> narrow = stackalloc short[Chunk];
        Span<short> wide = stackalloc short[resampler.MaxOutputLength(Chunk)];
        while (!muLaw.IsEmpty)
        {
            var take = Math.Min(muLaw.Length, Chunk);
            MuLaw.Decode(muLaw[..take], narrow);
            var samples = resampler.Process(narrow[..take], wide);
            Append(wide[..samples]);
            muLaw = muLaw[take..];
        }
    }

    /// <summary>Conceals <paramref name="samples8k"/> lost samples (at 8 kHz) with silence.</summary>
    public void WriteSilence(int samples8k)
    {
        Span<byte> silence = stackalloc byte[Chunk];
        silence.Fill(MuLaw.Silence);
        while (samples8k > 0)
        {
            var take = Math.Min(samples8k, Chunk);
            Write(silence[..take]);
            samples8k -= take;
        }
    }

    /// <summary>No more audio: readers see the channel complete.</summary>
    public void Complete() => frames.Writer.TryComplete();

    public void Dispose()
    {
        Complete();
        current?.Dispose();
        current = null;
        while (frames.Reader.TryRead(out var left))
        {
            left.Dispose();
        }
    }

    private void Append(ReadOnlySpan<short> pcm)
    {
        while (!pcm.IsEmpty)
        {
            if (current is null)
            {
                current = AudioFrame.Rent();
                current.Timestamp = timestamp;
                filled = 0;
            }

            var take = Math.Min(pcm.Length, AudioFrame.SampleCount - filled);
            pcm[..take].CopyTo(current.Samples[filled..]);
            filled += take;
            pcm = pcm[take..];
            if (filled == AudioFrame.SampleCount)
            {
                timestamp += AudioFrame.SampleCount;
                if (!frames.Writer.TryWrite(current))
                {
                    current.Dispose();
                }

                current = null;
            }
        }
    }
}
