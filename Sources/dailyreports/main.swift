import ReportPipeline
print("dailyreports")
