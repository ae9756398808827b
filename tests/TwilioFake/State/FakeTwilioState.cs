namespace VoiceConnector.TwilioFake.State;

/// <summary>
/// The fake account's state, safe for concurrent requests: numbers for sale, numbers bought, calls.
/// A bought number leaves the catalogue; a released one returns to it.
/// </summary>
public sealed class FakeTwilioState
{
    private readonly Lock gate = new();
    private readonly List<AvailableNumberEntry> catalogue;
    private readonly List<FakeIncomingNumber> numbers = [];
    private readonly List<FakeCall> calls = [];

    public FakeTwilioState(IEnumerable<AvailableNumberEntry> catalogue)
    {
        this.catalogue = [.. catalogue];
    }

    public IReadOnlyList<AvailableNumberEntry> Available
    {
        get { lock (gate) { return [.. catalogue]; } }
    }

    public IReadOnlyList<FakeIncomingNumber> Numbers
    {
        get { lock (gate) { return [.. numbers]; } }
    }

    public IReadOnlyList<FakeCall> Calls
    {
        get { lock (gate) { return [.. calls]; } }
    }

    public void AddAvailable(AvailableNumberEntry entry)
    {
        lock (gate)
        {
            catalogue.Add(entry);
        }
    }

    /// <summary>Takes a number out of the catalogue: the given one, or the first in <paramref name="areaCode"/>.</summary>
    public FakeIncomingNumber? Buy(string? phoneNumber, string? areaCode, Func<AvailableNumberEntry, FakeIncomingNumber> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (gate)
        {
            var entry = phoneNumber is not null
                ? catalogue.Find(e => e.PhoneNumber == phoneNumber)
                : catalogue.Find(e => e.AreaCode == areaCode && e.Kind == "Local");
            if (entry is null)
            {
                return null;
            }

            catalogue.Remove(entry);
            var number = create(entry);
            numbers.Add(number);
            return number;
        }
    }

    public FakeIncomingNumber? UpdateNumber(string sid, Func<FakeIncomingNumber, FakeIncomingNumber> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            var index = numbers.FindIndex(n => n.Sid == sid);
            if (index < 0)
            {
                return null;
            }

            numbers[index] = change(numbers[index]);
            return numbers[index];
        }
    }

    public bool ReleaseNumber(string sid)
    {
        lock (gate)
        {
            var number = numbers.Find(n => n.Sid == sid);
            if (number is null)
            {
                return false;
            }

            numbers.Remove(number);
            catalogue.Add(number.Entry);
            return true;
        }
    }

    public void AddCall(FakeCall call)
    {
        lock (gate)
        {
            calls.Add(call);
        }
    }

    public FakeCall? UpdateCall(string sid, Func<FakeCall, FakeCall> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (gate)
        {
            var index = calls.FindIndex(c => c.Sid == sid);
            if (index < 0)
            {
                return null;
            }

            calls[index] = change(calls[index]);
            return calls[index];
        }
    }

    public bool RemoveCall(string sid)
    {
        lock (gate)
        {
            return calls.RemoveAll(c => c.Sid == sid) > 0;
        }
    }
}
