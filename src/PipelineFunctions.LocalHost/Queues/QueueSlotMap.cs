using System.Globalization;
using PipelineFunctions.LocalHost.Configuration;

namespace PipelineFunctions.LocalHost.Queues;

/// <summary>
/// Assigns each queue function a slot of <see cref="QueueSlots"/> and writes the settings the slots' attributes name:
/// the queue, the connection string, and whether the slot is disabled (unused slots watch a placeholder they never start).
/// </summary>
public sealed class QueueSlotMap
{
    public const int Count = 16;

    public QueueSlotMap(IReadOnlyList<QueueFunction> functions, string defaultConnection)
    {
        if (functions.Count > Count) throw new InvalidOperationException($"This host serves at most {Count} queue functions; add slots to QueueSlots.");
        Functions = functions;
        var settings = new Dictionary<string, string?>();
        for (var slot = 0; slot < Count; slot++)
        {
            var function = slot < functions.Count ? functions[slot] : null;
            var prefix = "LocalHostSlot" + slot.ToString("00", CultureInfo.InvariantCulture);
            settings[prefix] = function?.QueueName ?? "localhost-unused-" + slot.ToString(CultureInfo.InvariantCulture);
            settings[prefix + "Connection"] = function?.ConnectionString ?? defaultConnection;
            settings[prefix + "Disabled"] = function is null ? "true" : "false";
        }
        Settings = settings;
    }

    public IReadOnlyList<QueueFunction> Functions { get; }

    /// <summary>Configuration entries for the WebJobs host (read by its name resolver and connection lookup).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }
}
