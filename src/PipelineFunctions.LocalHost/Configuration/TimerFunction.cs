namespace PipelineFunctions.LocalHost.Configuration;

/// <summary>A timer-triggered function and its NCRONTAB schedule (six fields, seconds first; UTC), settings resolved.</summary>
public sealed record TimerFunction(string Name, string BindingName, string Schedule);
