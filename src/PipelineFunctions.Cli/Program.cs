using PipelineFunctions.Cli.Commands;

var commands = typeof(ICliCommand)
    .Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliCommand).IsAssignableFrom(t))
    .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
    .OrderBy(c => c.Name, StringComparer.Ordinal)
    .ToList();

var command = args.Length > 0 ? commands.FirstOrDefault(c => c.Name == args[0]) : null;
if (command is null && CliArgs.AsksForHelp(args))
{
    Console.WriteLine("usage: pipeline <command> ...   (pipeline <command> --help for one command)");
    foreach (var c in commands)
        Console.WriteLine($"  {c.Usage}");
    return 0;
}
if (command is null)
{
    Console.Error.WriteLine("usage: pipeline <command> ...");
    foreach (var c in commands)
        Console.Error.WriteLine($"  {c.Usage}");
    return 2;
}
if (CliArgs.AsksForHelp(args[1..]))
{
    Console.WriteLine($"usage: {command.Usage}");
    return 0;
}
try
{
    return await command.RunAsync(args[1..], Console.Out, Console.Error);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{command.Name}: {e.Message}");
    Console.Error.WriteLine($"usage: {command.Usage}");
    return 2;
}
