using Cronos;

namespace PipelineFunctions.LocalHost.Configuration;

/// <summary>A timer-triggered function and its schedule (six fields, seconds first, as Functions' NCRONTAB; UTC).</summary>
public sealed record TimerFunction(string Name, string BindingName, CronExpression Schedule)
{
    public static TimerFunction Parse(string name, string bindingName, string schedule) =>
        new(name, bindingName, CronExpression.Parse(schedule, CronFormat.IncludeSeconds));
}
