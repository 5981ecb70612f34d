// After the consumer's build: its classpath holds no Selenium artifact, and both ways of running pinged the heartbeat.
def tree = new File(basedir, 'dependency-tree.txt').text
assert tree.contains('dev.flows:flows-playwright') : tree
assert !tree.toLowerCase().contains('selenium') : "a Selenium artifact on the consumer's classpath:\n" + tree
def command = new File(basedir, 'target/heartbeat-command.txt').text.readLines()
assert command == ['start', 'finish PASSED'] : command
def testng = new File(basedir, 'target/heartbeat-testng.txt').text.readLines()
assert testng == ['start', 'finish PASSED'] : testng
return true
