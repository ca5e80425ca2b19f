from factcheck.cli import main

# Guarded: worker processes that parse claim files import this module too.
if __name__ == "__main__":
    main()
