using Microsoft.Azure.WebJobs;

namespace PipelineFunctions.LocalHost.Jobs;

/// <summary>Only the slots are WebJobs functions; nothing else in the loaded assemblies is indexed.</summary>
public sealed class SlotTypeLocator : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => [typeof(QueueSlots), typeof(TimerSlots)];
}
