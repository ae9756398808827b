namespace VoiceConnector.Functions.Storage;

/// <summary>Outcome of <see cref="AgentStore.DeleteAsync"/>.</summary>
public enum AgentDeletion
{
    Deleted,
    NotFound,
    /// <summary>Numbers still point at the agent: re-assign or release them first.</summary>
    InUse,
}
