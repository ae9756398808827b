using System.Runtime.InteropServices;

namespace VoiceConnector.Edge.LoadTests;

/// <summary>
/// Linux epoll for the load client: one thread waits on every stream's socket at once and learns which have data,
/// so a thousand streams cost one wake-up per batch of arrivals instead of one async continuation per message.
/// </summary>
internal sealed partial class Epoll : IDisposable
{
    private const int ControlAdd = 1; // EPOLL_CTL_ADD
    private const int ControlDelete = 2; // EPOLL_CTL_DEL
    private const uint Readable = 0x001; // EPOLLIN
    private const uint HangUp = 0x010 | 0x008; // EPOLLHUP | EPOLLERR

    private readonly int descriptor;

    public Epoll()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            // struct epoll_event is packed (12 bytes) on x86-64 only.
            throw new PlatformNotSupportedException("the load client needs Linux on x86-64");
        }

        descriptor = epoll_create1(0);
        if (descriptor < 0)
        {
            throw new InvalidOperationException($"epoll_create1 failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Watches <paramref name="fileDescriptor"/> for data; <paramref name="token"/> comes back with its events.</summary>
    public unsafe void Add(nint fileDescriptor, int token)
    {
        var change = new EpollEvent { Events = Readable | HangUp, Data = (ulong)token };
        if (epoll_ctl(descriptor, ControlAdd, (int)fileDescriptor, &change) != 0)
        {
            throw new InvalidOperationException($"epoll_ctl ADD failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public unsafe void Remove(nint fileDescriptor)
    {
        var change = default(EpollEvent);
        _ = epoll_ctl(descriptor, ControlDelete, (int)fileDescriptor, &change);
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for data; writes the ready tokens; returns how many.</summary>
    public unsafe int Wait(Span<int> tokens, int timeoutMs)
    {
        var events = stackalloc EpollEvent[tokens.Length];
        var count = epoll_wait(descriptor, events, tokens.Length, timeoutMs);
        for (var i = 0; i < count; i++)
        {
            tokens[i] = (int)events[i].Data;
        }

        return Math.Max(0, count);
    }

    public void Dispose() => _ = close(descriptor);

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    private struct EpollEvent
    {
        public uint Events;
        public ulong Data;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_create1(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int epoll_ctl(int epfd, int op, int fd, EpollEvent* change);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int epoll_wait(int epfd, EpollEvent* events, int maxEvents, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
