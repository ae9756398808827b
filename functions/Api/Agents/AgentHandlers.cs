using VoiceConnector.Functions.Storage;

namespace VoiceConnector.Functions.Api.Agents;

/// <summary><c>/v1/agents</c>: create, read, list, replace and delete a tenant's agents.</summary>
public sealed class AgentHandlers(AgentStore agents)
{
    public async Task<HandlerResult> CreateAsync(string tenantId, AgentRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var definition = AgentValidator.Validate(Ids.New("agt"), request, errors);
        if (definition is null)
        {
            return errors.ToProblem();
        }

        var stored = await agents.InsertAsync(tenantId, definition, cancellationToken);
        return HandlerResult.Created(AgentResource.From(stored), "/v1/agents/" + definition.AgentId);
    }

    public async Task<HandlerResult> GetAsync(string tenantId, string agentId, CancellationToken cancellationToken) =>
        await agents.GetAsync(tenantId, agentId, cancellationToken) is { } agent
            ? HandlerResult.Ok(AgentResource.From(agent))
            : Problems.NotFound("Agent " + agentId);

    public async Task<HandlerResult> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var list = await agents.ListAsync(tenantId, cancellationToken);
        return HandlerResult.Ok(new ResourceList<AgentResource>([.. list.Select(AgentResource.From)]));
    }

    public async Task<HandlerResult> ReplaceAsync(string tenantId, string agentId, AgentRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var definition = AgentValidator.Validate(agentId, request, errors);
        if (definition is null)
        {
            return errors.ToProblem();
        }

        return await agents.UpdateAsync(tenantId, definition, cancellationToken) is { } updated
            ? HandlerResult.Ok(AgentResource.From(updated))
            : Problems.NotFound("Agent " + agentId);
    }

    public async Task<HandlerResult> DeleteAsync(string tenantId, string agentId, CancellationToken cancellationToken) =>
        await agents.DeleteAsync(tenantId, agentId, cancellationToken) switch
        {
            AgentDeletion.Deleted => HandlerResult.NoContent(),
            AgentDeletion.InUse => Problems.Conflict("Numbers still point at agent " + agentId + "; re-assign or release them first."),
            _ => Problems.NotFound("Agent " + agentId),
        };
}
