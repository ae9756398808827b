using System.Collections.Concurrent;

namespace VoiceConnector.Edge.Ai.Local;

/// <summary>
/// Lends PocketSphinx decoders, each to one user at a time (decoders are not thread-safe). Creates them lazily up to
/// <see cref="PocketSphinxOptions.PoolSize"/>; further callers wait. Thread-safe.
/// </summary>
internal sealed class PocketSphinxDecoderPool : IDisposable
{
    private readonly string _modelPath;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<PocketSphinxDecoder> _idle = [];
    private readonly ConcurrentBag<PocketSphinxDecoder> _all = [];

    public PocketSphinxDecoderPool(PocketSphinxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Directory.Exists(Path.Combine(options.ModelPath, "en-us")))
        {
            throw new DirectoryNotFoundException($"PocketSphinx model not found in {options.ModelPath} (apt install pocketsphinx-en-us)");
        }

        _modelPath = options.ModelPath;
        _slots = new SemaphoreSlim(options.PoolSize, options.PoolSize);
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool with a decoder lent for its duration.</summary>
    public async Task<T> RunAsync<T>(Func<PocketSphinxDecoder, T> work, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(
                () =>
                {
                    if (!_idle.TryTake(out var decoder))
                    {
                        decoder = new PocketSphinxDecoder(_modelPath);
                        _all.Add(decoder);
                    }

                    try
                    {
                        return work(decoder);
                    }
                    finally
                    {
                        _idle.Add(decoder);
                    }
                },
                cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose()
    {
        foreach (var decoder in _all)
        {
            decoder.Dispose();
        }

        _slots.Dispose();
    }
}
