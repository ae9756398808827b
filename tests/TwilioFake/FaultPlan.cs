namespace VoiceConnector.TwilioFake;

/// <summary>Injected failures waiting for their request, first in first out, each used once.</summary>
public sealed class FaultPlan
{
    private readonly Lock gate = new();
    private readonly List<FakeFault> pending = [];

    public int Count
    {
        get { lock (gate) { return pending.Count; } }
    }

    public void Add(FakeFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (gate)
        {
            for (var i = 0; i < times; i++)
            {
                pending.Add(fault);
            }
        }
    }

    public FakeFault? Take(string operationId)
    {
        lock (gate)
        {
            var index = pending.FindIndex(f => f.OperationId is null || f.OperationId == operationId);
            if (index < 0)
            {
                return null;
            }

            var fault = pending[index];
            pending.RemoveAt(index);
            return fault;
        }
    }
}
