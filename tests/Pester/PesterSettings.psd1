@{
    # A run of the whole suite that discovers fewer tests than this fails: a -ForEach fed by data that was not there at
    # discovery makes tests silently disappear. Raise it as tests are added.
    MinimumTestCount = 2050
}
