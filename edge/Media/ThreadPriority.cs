using System.Runtime.InteropServices;

namespace VoiceConnector.Edge.Media;

/// <summary>
/// Raises the calling thread's scheduling priority on Linux, for threads that must run every 20 ms whatever else
/// the cores are doing. First choice: the real-time round-robin policy (SCHED_RR) at a low real-time priority, which
/// runs the thread as soon as it wakes (the kernel still keeps 5% of each second for other threads). Otherwise a lower
/// nice value. Both need CAP_SYS_NICE (or permissive RLIMIT_RTPRIO / RLIMIT_NICE); without it the thread keeps its
/// normal priority. .NET's own Thread.Priority does nothing on Linux.
/// </summary>
internal static partial class ThreadPriority
{
    private const int SchedulerRoundRobin = 2; // SCHED_RR
    private const int PriorityProcess = 0; // PRIO_PROCESS: with a thread id, applies to that thread alone on Linux.

    /// <summary>Applies the best priority permitted to the calling thread.</summary>
    public static ThreadPriorityLevel RaiseCurrentThread(int realTimePriority, int nice)
    {
        if (!OperatingSystem.IsLinux())
        {
            return ThreadPriorityLevel.Normal;
        }

        var threadId = gettid();
        if (SetRealTime(threadId, realTimePriority))
        {
            return ThreadPriorityLevel.RealTime;
        }

        return setpriority(PriorityProcess, (uint)threadId, nice) == 0 ? ThreadPriorityLevel.Nice : ThreadPriorityLevel.Normal;
    }

    private static unsafe bool SetRealTime(int threadId, int priority) => sched_setscheduler(threadId, SchedulerRoundRobin, &priority) == 0;

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int sched_setscheduler(int pid, int policy, int* param);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setpriority(int which, uint who, int prio);

    [LibraryImport("libc")]
    private static partial int gettid();
}
