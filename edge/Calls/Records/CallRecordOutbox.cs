using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using VoiceConnector.Contracts;
using VoiceConnector.Edge.Calls.Functions;

namespace VoiceConnector.Edge.Calls.Records;

/// <summary>
/// Durable delivery of call records to the functions app. <see cref="SubmitAsync"/> writes the record to disk
/// (atomically: temp file, then rename) before returning; a background loop delivers the oldest first, retrying with
/// exponential backoff while the app is unreachable, and deletes each file only once the app has stored it. The
/// app's ingestion is idempotent on <see cref="CallRecord.CallId"/>, so a record delivered twice (a crash between
/// delivery and delete) is stored once: exactly-once in effect.
/// </summary>
public sealed partial class CallRecordOutbox : BackgroundService, ICallRecordSink
{
    private const string Extension = ".json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly FunctionsClient client;
    private readonly FunctionsOptions functions;
    private readonly OutboxOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<CallRecordOutbox> logger;
    private readonly string directory;
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock sequenceLock = new();
    private long lastSequence;
    private int pending;

    public CallRecordOutbox(
        FunctionsClient client,
        IOptions<FunctionsOptions> functions,
        IOptions<OutboxOptions> options,
        TimeProvider time,
        ILogger<CallRecordOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(options);
        this.client = client;
        this.functions = functions.Value;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        directory = Path.GetFullPath(this.options.Directory);
        Directory.CreateDirectory(directory);
        pending = Directory.GetFiles(directory, "*" + Extension).Length;
    }

    /// <summary>Records on disk not yet delivered.</summary>
    public int Pending => Volatile.Read(ref pending);

    public async ValueTask SubmitAsync(CallRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Interlocked.Increment(ref pending) > options.MaxRecords)
        {
            Interlocked.Decrement(ref pending);
            LogFull(options.MaxRecords, record.CallId, directory);
            return;
        }

        var name = NextSequence().ToString("D20", CultureInfo.InvariantCulture) + "-" + SafeName(record.CallId);
        var temp = Path.Combine(directory, name + ".tmp");
        var path = Path.Combine(directory, name + Extension);
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                await JsonSerializer.SerializeAsync(stream, record, Json, cancellationToken);
            }

            File.Move(temp, path);
        }
        catch
        {
            Interlocked.Decrement(ref pending);
            File.Delete(temp);
            throw;
        }

        wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!functions.IsConfigured)
        {
            LogNoFunctions(directory);
            return;
        }

        var delay = TimeSpan.FromSeconds(options.InitialRetryDelaySeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            bool delivered;
            try
            {
                delivered = await DeliverAllAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            if (delivered)
            {
                delay = TimeSpan.FromSeconds(options.InitialRetryDelaySeconds);
                try
                {
                    await wake.Reader.ReadAsync(stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            else
            {
                try
                {
                    await Task.Delay(Jittered(delay), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, options.MaxRetryDelaySeconds));
            }
        }

        await FlushOnShutdownAsync();
    }

    /// <summary>Delivers every record on disk, oldest first. False when the functions app could not be reached.</summary>
    internal async Task<bool> DeliverAllAsync(CancellationToken cancellationToken)
    {
        var files = Directory.GetFiles(directory, "*" + Extension);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            CallRecord? record;
            try
            {
                await using var stream = File.OpenRead(file);
                record = await JsonSerializer.DeserializeAsync<CallRecord>(stream, Json, cancellationToken);
            }
            catch (JsonException ex)
            {
                Quarantine(file, ".bad");
                LogCorrupt(file, ex.Message);
                continue;
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            if (record is null)
            {
                Quarantine(file, ".bad");
                continue;
            }

            try
            {
                if (await client.PostCallRecordAsync(record, cancellationToken))
                {
                    File.Delete(file);
                    Interlocked.Decrement(ref pending);
                    LogDelivered(record.CallId);
                }
                else
                {
                    Quarantine(file, ".rejected");
                    LogRejected(record.CallId, file);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                LogDeliveryFailed(record.CallId, Pending, ex.Message);
                return false;
            }
        }

        return true;
    }

    private async Task FlushOnShutdownAsync()
    {
        if (Pending == 0 || options.ShutdownFlushSeconds == 0)
        {
            return;
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.ShutdownFlushSeconds), time);
        try
        {
            await DeliverAllAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // Out of time: what is left stays on disk for the next start.
        }

        LogShutdown(Pending, directory);
    }

    private void Quarantine(string file, string suffix)
    {
        try
        {
            File.Move(file, file + suffix, overwrite: true);
        }
        catch (IOException)
        {
            // Another pass moved or delivered it.
        }

        Interlocked.Decrement(ref pending);
    }

    private long NextSequence()
    {
        // Time-ordered and unique even within one tick, so files sort in submission order.
        lock (sequenceLock)
        {
            var now = time.GetUtcNow().UtcTicks;
            lastSequence = Math.Max(now, lastSequence + 1);
            return lastSequence;
        }
    }

    private static TimeSpan Jittered(TimeSpan delay) =>
        delay * (0.8 + (0.4 * Random.Shared.NextDouble()));

    private static string SafeName(string callId)
    {
        Span<char> buffer = stackalloc char[Math.Min(callId.Length, 64)];
        for (var i = 0; i < buffer.Length; i++)
        {
            var c = callId[i];
            buffer[i] = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_';
        }

        return new string(buffer);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Call record outbox full ({Max} records): record of call {CallId} NOT kept. Deliver or move the files in {Directory}")]
    private partial void LogFull(int max, string callId, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Functions:BaseUrl configured: call records are kept in {Directory} and not delivered")]
    private partial void LogNoFunctions(string directory);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call record {CallId} delivered")]
    private partial void LogDelivered(string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call record {CallId} not delivered ({Pending} waiting), will retry: {Reason}")]
    private partial void LogDeliveryFailed(string callId, int pending, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The functions app rejected call record {CallId}; kept as {File}.rejected")]
    private partial void LogRejected(string callId, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unreadable call record {File} moved aside: {Reason}")]
    private partial void LogCorrupt(string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox at shutdown: {Pending} call records left in {Directory} for the next start")]
    private partial void LogShutdown(int pending, string directory);
}
