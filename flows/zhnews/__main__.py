import sys

from zhnews.cli import main

sys.exit(main())
