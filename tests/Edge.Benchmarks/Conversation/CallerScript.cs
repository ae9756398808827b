using System.Diagnostics;

namespace VoiceConnector.Edge.Benchmarks.Conversation;

/// <summary>
/// The benchmark caller: says an utterance (given samples, or a loud constant) when told to, then stays silent, and
/// reports the timestamps of the first speech frame and of the frame that completes a given run of silence.
/// Runs on the media's pump; the benchmark awaits its tasks.
/// </summary>
internal sealed class CallerScript
{
    private const short LoudSample = 5_000;
    private readonly short[] frame = new short[320];
    private short[]? speech;
    private int speechFrames;
    private int speechIndex;
    private int silenceTarget;
    private int silenceCount = -1;
    private TaskCompletionSource<long> onset = NewSource();
    private TaskCompletionSource<long> silenceDone = NewSource();

    /// <summary>Starts an utterance; returns tasks completing with the onset and end-of-silence timestamps.</summary>
    public (Task<long> Onset, Task<long> SilenceDone) Say(short[]? samples, int loudFrames, int trailingSilenceFrames)
    {
        lock (frame)
        {
            onset = NewSource();
            silenceDone = NewSource();
            speech = samples;
            speechIndex = 0;
            speechFrames = samples is null ? loudFrames : (samples.Length + 319) / 320;
            silenceTarget = trailingSilenceFrames;
            silenceCount = -1;
            return (onset.Task, silenceDone.Task);
        }
    }

    public ReadOnlyMemory<short> Next(long frameNumber)
    {
        lock (frame)
        {
            if (speechFrames > 0)
            {
                if (speechIndex == 0)
                {
                    onset.TrySetResult(Stopwatch.GetTimestamp());
                }

                FillSpeech();
                speechIndex++;
                if (--speechFrames == 0)
                {
                    silenceCount = 0;
                }

                return frame;
            }

            if (silenceCount >= 0 && ++silenceCount == silenceTarget)
            {
                silenceDone.TrySetResult(Stopwatch.GetTimestamp());
                silenceCount = -1;
            }

            return ReadOnlyMemory<short>.Empty;
        }
    }

    private void FillSpeech()
    {
        if (speech is null)
        {
            Array.Fill(frame, LoudSample);
            return;
        }

        var start = speechIndex * 320;
        var take = Math.Clamp(speech.Length - start, 0, 320);
        Array.Clear(frame);
        speech.AsSpan(start, take).CopyTo(frame);
    }

    private static TaskCompletionSource<long> NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
