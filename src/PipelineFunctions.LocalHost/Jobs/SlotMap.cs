using System.Globalization;
using PipelineFunctions.LocalHost.Configuration;

namespace PipelineFunctions.LocalHost.Jobs;

/// <summary>
/// Assigns each queue function a slot of <see cref="QueueSlots"/> and each timer function one of <see cref="TimerSlots"/>,
/// and writes the settings the slots' attributes name: the queue and its connection, the schedule, and whether the slot
/// is disabled (unused slots name a placeholder they never start).
/// </summary>
public sealed class SlotMap
{
    public const int QueueCount = 16;
    public const int TimerCount = 4;

    public SlotMap(IReadOnlyList<QueueFunction> queues, IReadOnlyList<TimerFunction> timers, string defaultConnection)
    {
        if (queues.Count > QueueCount)
            throw new InvalidOperationException(
                $"This host serves at most {QueueCount} queue functions; add slots to QueueSlots."
            );
        if (timers.Count > TimerCount)
            throw new InvalidOperationException(
                $"This host serves at most {TimerCount} timer functions; add slots to TimerSlots."
            );
        Queues = queues;
        Timers = timers;
        var settings = new Dictionary<string, string?>();
        for (var slot = 0; slot < QueueCount; slot++)
        {
            var function = slot < queues.Count ? queues[slot] : null;
            var prefix = "LocalHostSlot" + slot.ToString("00", CultureInfo.InvariantCulture);
            settings[prefix] = function?.QueueName ?? "localhost-unused-" + slot.ToString(CultureInfo.InvariantCulture);
            settings[prefix + "Connection"] = function?.ConnectionString ?? defaultConnection;
            settings[prefix + "Disabled"] = function is null ? "true" : "false";
        }
        for (var slot = 0; slot < TimerCount; slot++)
        {
            var function = slot < timers.Count ? timers[slot] : null;
            var prefix = "LocalHostTimer" + slot.ToString("00", CultureInfo.InvariantCulture);
            settings[prefix] = function?.Schedule ?? "0 0 0 1 1 *";
            settings[prefix + "Disabled"] = function is null ? "true" : "false";
        }
        Settings = settings;
    }

    public IReadOnlyList<QueueFunction> Queues { get; }
    public IReadOnlyList<TimerFunction> Timers { get; }

    /// <summary>Configuration entries for the WebJobs host (read by its name resolver and connection lookup).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }
}
