using System.Runtime.InteropServices;

namespace VoiceConnector.Edge.Media;

/// <summary>
/// Raises the calling thread's scheduling priority on Linux (setpriority on the thread id: a lower nice value), so
/// that a thread that must run every 20 ms gets a core ahead of bulk work. .NET's own Thread.Priority does nothing
/// on Linux. Needs CAP_SYS_NICE (or a permissive RLIMIT_NICE); without it the thread keeps its normal priority.
/// </summary>
internal static partial class ThreadPriority
{
    private const int PriorityProcess = 0; // PRIO_PROCESS: with a thread id, applies to that thread alone on Linux.

    /// <summary>Sets the calling thread's nice value; false when not on Linux or not permitted.</summary>
    public static bool TrySetCurrentThreadNice(int nice)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var threadId = gettid();
        return setpriority(PriorityProcess, (uint)threadId, nice) == 0;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setpriority(int which, uint who, int prio);

    [LibraryImport("libc")]
    private static partial int gettid();
}
